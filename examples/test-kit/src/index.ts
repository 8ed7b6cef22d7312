export {
  contactInfoAnswers,
  simulate,
  startExample,
  statuses,
  type Exit,
  type RunningExample,
} from "./processes.js";
export {
  describeReceiverExample,
  VERIFY_TOKEN,
  type ReceiverExample,
  type ReceiverStart,
} from "./receiver.js";
