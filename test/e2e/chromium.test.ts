import { extensionSuite } from './extension-suite.js';

extensionSuite('chromium');
