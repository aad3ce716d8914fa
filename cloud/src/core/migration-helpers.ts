import { Table, TableIndex, type TableColumnOptions } from 'typeorm';

/**
 * Portable column builders for hand-written migrations (QueryRunner API, never dialect SQL), so
 * one migration runs on MySQL/MariaDB and SQLite alike.
 */
export const col = {
  // 'integer' (not 'int'): SQLite only auto-increments an INTEGER PRIMARY KEY; MySQL maps it to int.
  id: (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }),
  int: (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'int', ...extra }),
  str: (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    ...extra,
  }),
  bool: (name: string, def: boolean): TableColumnOptions => ({ name, type: 'boolean', default: def }),
  datetime: (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'datetime', precision: 3, ...extra }),
};

export function table(name: string, columns: TableColumnOptions[], indices: { columns: string[]; unique?: boolean }[] = []): Table {
  return new Table({
    name,
    columns,
    indices: indices.map(
      (ix) =>
        new TableIndex({
          name: `${ix.unique ? 'UQ' : 'IX'}_${name}_${ix.columns.join('_')}`.slice(0, 64),
          columnNames: ix.columns,
          isUnique: ix.unique ?? false,
        }),
    ),
  });
}
