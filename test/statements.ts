import type { DataSource, Logger } from 'typeorm';

/**
 * Counts the statements a piece of work sends through the data source (TypeORM calls its logger
 * for every query, transaction control included — BEGIN / START TRANSACTION and COMMIT count, as
 * they are round trips too). Run one piece of work at a time: the count is the data source's.
 */
export async function statementsOf<T>(ds: DataSource, work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const holder = ds as unknown as { logger: Logger };
  const original = holder.logger;
  holder.logger = new Proxy(original, {
    get(target, prop, receiver) {
      if (prop === 'logQuery') return (query: string) => void statements.push(query.replace(/\s+/g, ' ').trim());
      return Reflect.get(target, prop, receiver);
    },
  });
  try {
    const result = await work();
    return { result, statements };
  } finally {
    holder.logger = original;
  }
}
