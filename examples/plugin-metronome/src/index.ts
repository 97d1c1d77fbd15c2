import { metronome } from './metronome-plugin.js';

export default metronome;
export { metronome };
export { metronomeReader, isMetronomeDocument, JOBS_PATH, type MetronomeOptions } from './metronome-reader.js';
export { jobToWorkload, workloadIdOf, METRONOME_DEFAULTS, type MetronomeJob } from './job-to-workload.js';
export { scheduleNotPortable, cronProblem } from './schedule-not-portable.js';
export { METRONOME_RULES } from './metronome-rules.js';
export { METRONOME_PLUGIN_VERSION } from './version.js';
