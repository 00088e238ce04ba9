/**
 * Preloaded into the server (NODE_OPTIONS=--require …) by `npm run load -- --profile`: samples
 * the CPU from start-up, and on SIGUSR2 writes the profile to $KRING_PROFILE_FILE (a
 * .cpuprofile that Chrome DevTools and bench/lib/profile-summary.ts read).
 */
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');

const session = new Session();
session.connect();
session.post('Profiler.enable', () =>
  session.post('Profiler.setSamplingInterval', { interval: 500 }, () =>
    session.post('Profiler.start'),
  ),
);
process.on('SIGUSR2', () => {
  session.post('Profiler.stop', (err, result) => {
    if (!err) writeFileSync(process.env.KRING_PROFILE_FILE, JSON.stringify(result.profile));
    process.stdout.write(err ? `profile failed: ${err.message}\n` : 'profile written\n');
  });
});
