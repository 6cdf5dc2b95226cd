import { protectionPlanRule } from '../private/guardduty';

/**
 * GuardDuty Runtime Monitoring covers ECS on Fargate with automated agent management
 *
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/how-runtime-monitoring-works-ecs-fargate.html
 */
export default protectionPlanRule({
  id: 'GuardDuty.EcsRuntimeMonitoring',
  plan: 'ECS Runtime Monitoring',
  title: 'GuardDuty Runtime Monitoring covers ECS on Fargate with automated agent management',
  description: 'GuardDuty Runtime Monitoring deploys its security agent into every new ECS task on Fargate.',
  features: ['RUNTIME_MONITORING'],
  agent: 'ECS_FARGATE_AGENT_MANAGEMENT',
  fsbp: 'GuardDuty.12',
});
