// A client that asks the fake seed 001 server for every revenue page (limit 100, by offset)
// over one keep-alive socket and throws each body away: what the server alone costs.
import { Agent, get } from 'node:http';

function fetchDiscard(agent: Agent, url: string, key: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent, headers: { Authorization: `Bearer ${key}` } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve(bytes));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Bytes served for `records` revenues. */
export async function discardRevenuePages(baseUrl: string, key: string, records: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let bytes = 0;
  for (let offset = 0; offset < records; offset += 100) bytes += await fetchDiscard(agent, `${baseUrl}/api/v1/revenues?limit=100&offset=${offset}`, key);
  agent.destroy();
  return bytes;
}
