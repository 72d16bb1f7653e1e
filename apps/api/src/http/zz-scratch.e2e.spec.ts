import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { startTestApp, TestApp } from '../../test/test-app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); await new Promise<void>((r) => t.http.listen(0, '127.0.0.1', r)); });
afterAll(async () => { await t?.close(); });

it('smoke', async () => {
  const port = (t.http.address() as AddressInfo).port;
  const ten = Buffer.alloc(10 * 1024 * 1024, 0x20);
  for (let i = 0; i < 3; i++) {
    const s = Date.now();
    const status = await new Promise((resolve, reject) => {
      const req = httpRequest({ port, host: '127.0.0.1', method: 'POST', path: '/resellers', headers: { 'content-type': 'application/json', 'content-length': ten.length } }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
      req.on('error', reject);
      req.end(ten);
    });
    console.log(status, Date.now() - s);
  }
}, 60000);
