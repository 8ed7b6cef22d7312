// The validators thread of validators.ts: ajv compiles the webhook validators beside the main
// thread's work.
import { serve } from "./thread.js";
import { printValidators } from "./validators.js";

serve(printValidators);
