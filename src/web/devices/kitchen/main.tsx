import '../shared/devices.css';
import { DevicePage } from '../shared/DevicePage';
import { mount } from '../../shared/mount';
import { KitchenBoard } from './KitchenBoard';

mount(<DevicePage title="주방 화면 · Kitchen display" kind="kitchen">{(session) => <KitchenBoard session={session} />}</DevicePage>);
