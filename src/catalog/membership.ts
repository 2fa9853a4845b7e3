/**
 * One definition of which tools belong to a category, used by every command: tools whose primary
 * category it is, then tools that list it under `also` (marked secondary).
 */
import type { ToolSummary } from './types.js';

export interface Member<T> {
  tool: T;
  /** False when the category is one of the tool's `also` categories. */
  primary: boolean;
}

export function membersOf<T extends Pick<ToolSummary, 'category' | 'categories'>>(category: string, tools: T[]): Member<T>[] {
  const primary = tools.filter((t) => t.category === category).map((tool) => ({ tool, primary: true }));
  const secondary = tools.filter((t) => t.category !== category && t.categories.includes(category)).map((tool) => ({ tool, primary: false }));
  return [...primary, ...secondary];
}
