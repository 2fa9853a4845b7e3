// fuse.js in its own lazily loaded bundle: only queries with an unknown word need it.
import Fuse from 'fuse.js';

export const FuseCtor = Fuse;
