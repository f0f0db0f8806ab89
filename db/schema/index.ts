export * from './audit';
export * from './classification';
export * from './indicators';
export * from './organisations';
export * from './roadmaps';
export * from './users';
export * from './practices';
