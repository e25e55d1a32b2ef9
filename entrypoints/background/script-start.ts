/**
 * Imported first by the background's entry: marks when the worker's script began to run, before the modules
 * after it (engine, store, schemas) evaluate. With the entry's own marks it splits a cold start into loading
 * the script and evaluating it.
 */
performance.mark('huashu:scriptStart');
