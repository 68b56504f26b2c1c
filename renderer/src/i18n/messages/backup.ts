/** Messages the backend sends (error keys) for backup and restore; the command line prints the same words. */
export { backupMessages } from '../../../../shared/contract/backupMessages';
