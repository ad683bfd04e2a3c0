// Worker-thread entry of the batch pool (tinypool): one seller per call, plain data in and out.
import { runSeller } from './seller.js';

export default runSeller;
