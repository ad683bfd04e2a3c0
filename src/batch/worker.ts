// Worker-thread entry of the batch pool (tinypool): a chunk of sellers per call, plain data in and out.
import { runSellers } from './seller.js';

export default runSellers;
