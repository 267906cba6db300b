import { stopSharedMariadb } from './sharedMariadb';

export default stopSharedMariadb;
