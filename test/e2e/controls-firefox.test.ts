import { controlsSuite } from './controls-suite.js';

controlsSuite('firefox');
