import { extensionSuite } from './extension-suite.js';

extensionSuite('firefox');
