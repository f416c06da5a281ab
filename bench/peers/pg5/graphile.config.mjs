// PostGraphile 5 for the bench: the recommended "amber" preset, the database and port come from the command
// line (bench/run.sh). PgIndexBehaviorsPlugin is disabled so that, as in PostGraphile 4, conditions and
// orderings on non-indexed columns (membership.ended_on, organization.status) exist: the bench asks the same
// filters of every server.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

export default {
  extends: [PostGraphileAmberPreset],
  disablePlugins: ["PgIndexBehaviorsPlugin"],
};
