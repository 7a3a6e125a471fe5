// The set-ups the slow-device bench and the frame profile open (URL hashes, url_hash.h): the
// default lab and the largest the lab allows (6 hidden layers of 16, all seven features, 1000
// points), and where the web build is.
import path from 'node:path';

export const SETUPS = {
  default: '',
  largest: 'ds=spiral&n=1000&f=x1,x2,x1^2,x2^2,x1x2,sin_x1,sin_x2&h=16,16,16,16,16,16',
};

export const webBuild = process.env.BPLAB_WEB_BUILD ?? path.resolve(import.meta.dirname, '../../build/web');
