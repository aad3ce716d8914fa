export * from './errors';
export * from './enums';
export * from './limits';
export * from './dto';
export * from './schemas';
export * from './api';
export * from './needs';
export * from './needs-schemas';
