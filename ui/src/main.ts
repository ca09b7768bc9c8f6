import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { guardWindowClose } from './lib/window-close';
import { previewDroppedFiles, previewLaterLaunchBundles, previewLaunchBundle } from './exchange/open-bundle';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

guardWindowClose();
// A received bundle opened from the file manager (at start or while the window is open), or
// dropped on the window, opens its preview.
previewDroppedFiles();
previewLaterLaunchBundles();
void previewLaunchBundle();

export default mount(App, { target });
