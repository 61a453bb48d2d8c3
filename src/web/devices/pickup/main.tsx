import '../shared/devices.css';
import { DevicePage } from '../shared/DevicePage';
import { mount } from '../../shared/mount';
import { PickupBoard } from './PickupBoard';

mount(<DevicePage title="픽업 안내 · Pickup board" kind="pickup">{(session) => <PickupBoard session={session} />}</DevicePage>);
