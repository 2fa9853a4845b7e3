// chalk in its own lazily loaded bundle: piped output never needs it.
export { Chalk } from 'chalk';
