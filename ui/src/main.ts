import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { guardWindowClose } from './lib/window-close';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

guardWindowClose();

export default mount(App, { target });
