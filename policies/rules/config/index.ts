import { Rule } from '../../../lib/engine';
import continuousRecording from './continuous-recording';
import deliveryChannelEncrypted from './delivery-channel-encrypted';
import recordAllResources from './record-all-resources';
import recorderEnabled from './recorder-enabled';
import recorderRetained from './recorder-retained';

export const CONFIG_RULES: readonly Rule[] = [
  recorderEnabled,
  recordAllResources,
  continuousRecording,
  deliveryChannelEncrypted,
  recorderRetained,
];
