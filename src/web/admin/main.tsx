import './admin.css';
import { mount } from '../shared/mount';
import { ConsoleApp } from './ConsoleApp';

mount(<ConsoleApp />);
