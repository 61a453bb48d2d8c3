import './styles/kiosk.css';
import './a11y/a11y.css';
import { pairedCredential } from '../shared/device-session';
import { mount } from '../shared/mount';
import { speakAs } from '../shared/speech';
import { App } from './App';
import { startOfflineSender } from './offline/offline-sender';

// Before the menu loads: orders kept while the server was away go as soon as it answers again.
startOfflineSender();
speakAs(() => pairedCredential('kiosk'));
mount(<App />);
