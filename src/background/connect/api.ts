/** A GET on Partner Center or Graph with a bearer token: the JSON body, or the problem the answer describes. */
import { answerProblem, isHtml, notJson, type Service } from '../../core/api-answer';
import type { Problem } from '../../core/problem';
import { type Net, readJson, send } from './net';

export type Got = { ok: true; body: unknown } | { ok: false; problem: Problem };

export async function getJson(
  net: Net,
  service: Service,
  url: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<Got> {
  const reply = await send(net, url, {
    method: 'GET',
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...headers },
  });
  if ('offline' in reply) {
    const problem = {
      field: service,
      code: 'offline',
      message: `${url.split('/')[2]} could not be reached; the next check tries again.`,
    };
    return { ok: false, problem };
  }
  if (reply.status < 200 || reply.status >= 300 || isHtml(reply.contentType, reply.text)) {
    return { ok: false, problem: answerProblem(service, reply.status, reply.contentType, reply.text) };
  }
  const body = readJson(reply.text);
  return body === undefined ? { ok: false, problem: notJson(service) } : { ok: true, body };
}
