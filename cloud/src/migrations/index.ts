import { Foundation1764201600000 } from './1764201600000-Foundation';
import { Needs1764288000000 } from './1764288000000-Needs';
import { NeedQueries1764374400000 } from './1764374400000-NeedQueries';

/** Every migration, oldest first. Append only; never edit one that has shipped. */
export const MIGRATIONS = [Foundation1764201600000, Needs1764288000000, NeedQueries1764374400000];
