import { Column, type ColumnOptions } from 'typeorm';

/**
 * Column helpers for types that behave the same on MySQL and SQLite (RECIPES: Database).
 * Explicit types everywhere: esbuild bundles carry no decorator metadata.
 */
export const DateTimeColumn = (opts: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...opts });
export const IdColumn = (opts: ColumnOptions = {}) => Column({ type: 'int', ...opts });
export const TextColumn = (length: number, opts: ColumnOptions = {}) => Column({ type: 'varchar', length, ...opts });
