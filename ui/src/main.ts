import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { guardWindowClose } from './lib/window-close';
import { previewDroppedFiles, previewLaunchBundle } from './exchange/open-bundle';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

guardWindowClose();
// A received bundle opened from the file manager, or dropped on the window, opens its preview.
previewDroppedFiles();
void previewLaunchBundle();

export default mount(App, { target });
