export { ChangeSnackbar } from './ChangeSnackbar';
