// Preloaded with `node --import` by `modulesLoadedBy()`: records the URL of every module the
// process loads, one a line, into the file named by DEBRIEF_RECORD_MODULES.
import { register } from 'node:module';

register(new URL('./record-module-loads-hooks.mjs', import.meta.url), {
  data: { file: process.env.DEBRIEF_RECORD_MODULES },
});
