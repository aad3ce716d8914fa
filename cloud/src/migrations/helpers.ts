/** The portable column and table builders live in core, so modules' own migrations use them too. */
export { col, table } from '../core/migration-helpers';
