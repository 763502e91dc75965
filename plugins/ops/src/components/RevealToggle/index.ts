export { RevealToggle } from './RevealToggle';
