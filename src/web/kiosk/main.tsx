import './styles/kiosk.css';
import './a11y/a11y.css';
import { mount } from '../shared/mount';
import { App } from './App';
import { startOfflineSender } from './offline/offline-sender';

// Before the menu loads: orders kept while the server was away go as soon as it answers again.
startOfflineSender();
mount(<App />);
