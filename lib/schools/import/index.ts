export * from './apply-mapping';
export * from './fields';
export * from './mapping';
export * from './plan';
export * from './values';
