import type { ListItem } from './markdown-blocks.ts';

/** Text on one line, whitespace runs collapsed. */
export const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A list item with nothing but dashes and dots: a template's placeholder. */
export const isEmptyItem = (item: ListItem) => !item.text.replace(/[-–—.\s]/g, '');
