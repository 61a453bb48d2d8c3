import '../shared/devices.css';
import { DevicePage } from '../shared/DevicePage';
import { mount } from '../../shared/mount';
import { StaffPager } from './StaffPager';

mount(<DevicePage title="직원 호출 · Staff pager" kind="pager">{(session) => <StaffPager session={session} />}</DevicePage>);
