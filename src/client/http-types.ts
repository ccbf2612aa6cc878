export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
