import { expose } from 'comlink';
import { createExplorerApi, fetchTextOverHttp } from './explorerApi';

expose(createExplorerApi({ fetchText: fetchTextOverHttp }));
