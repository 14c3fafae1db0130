export * from './customers';
export * from './admin';
