/**
 * The client's test environment: jsdom in the time zone the project names
 * (`testEnvironmentOptions.timezone`), so the client suite runs once in Beijing time and once in
 * New York time and a page that counts days in the device's zone fails one of them.
 *
 * The zone is the process's: Node re-reads `process.env.TZ` when it is assigned, but only on the
 * real `process`, which a setup file inside the sandbox never sees. So it is set here, before
 * each test file, and put back after it (the cloud project runs in the same process in band).
 */
const { TestEnvironment } = require('jest-environment-jsdom');

module.exports = class JsdomInZone extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.zone = config.projectConfig.testEnvironmentOptions.timezone;
    if (!this.zone) throw new Error('jsdom-in-zone: set testEnvironmentOptions.timezone');
  }

  async setup() {
    this.previousZone = process.env.TZ;
    process.env.TZ = this.zone;
    // The sandbox's process.env is a copy: tell the tests which zone they run in.
    this.global.process.env.TZ = this.zone;
    await super.setup();
  }

  async teardown() {
    await super.teardown();
    if (this.previousZone === undefined) delete process.env.TZ;
    else process.env.TZ = this.previousZone;
  }
};
