import { startSharedMariadb } from './sharedMariadb';

export default startSharedMariadb;
