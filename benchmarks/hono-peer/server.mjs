// The original PURISTA's HTTP path, as a peer for the HTTP benchmark: a Hono app on @hono/node-server whose routes
// come from the commands' HTTP exposure, each request invoked through @purista/core's DefaultEventBridge, where
// zod validates payload, parameter and output. The original's own server package (@purista/hono-http-server) is not
// on the npm registry this is installed from, so its request path is written out here in the same steps:
// route /api/v{serviceVersion}/{path}, parameters from query and path, the JSON body as payload, the x-trace-id
// header into the message, the result as JSON (204 when empty), a HandledError as its status.
//
// Usage: node server.mjs [port] [host]   (default 8080 on 127.0.0.1)
import { posix } from 'node:path'
import { serve } from '@hono/node-server'
import { DefaultEventBridge, HandledError, initLogger, ServiceBuilder, StatusCode } from '@purista/core'
import { Hono } from 'hono'
import { z } from 'zod'

const port = Number(process.argv[2] || 8080)
const hostname = process.argv[3] || '127.0.0.1'
const apiMountPath = '/api'
const traceHeaderField = 'x-trace-id'
const logger = initLogger('error')

const userService = new ServiceBuilder({ serviceName: 'user', serviceVersion: '1', serviceDescription: 'users' })
const signUp = userService
  .getCommandBuilder('signUp', 'registers a user')
  .addPayloadSchema(z.object({ email: z.email(), password: z.string().min(8), name: z.string().min(1) }))
  .addParameterSchema(z.object({}))
  .addOutputSchema(z.object({ userId: z.string(), email: z.string(), name: z.string() }))
  .exposeAsHttpEndpoint('POST', 'user/signup')
  .disableHttpSecurity()
  .setCommandFunction(async function (_context, payload) {
    return { userId: `u-${payload.email}`, email: payload.email, name: payload.name }
  })
userService.addCommandDefinition(await signUp.getDefinition())

const eventBridge = new DefaultEventBridge({ logger })
await eventBridge.start()
const service = await userService.getInstance(eventBridge, { logger })
await service.start()

const sender = { serviceName: 'HonoService', serviceVersion: '1', serviceTarget: 'request' }
const app = new Hono()

for (const definition of userService.getCommandDefinitions()) {
  const http = definition.metadata?.expose?.http
  if (!http) continue
  const route = posix.join(apiMountPath, `v${userService.info.serviceVersion}`, http.path)
  const receiver = {
    serviceName: userService.info.serviceName,
    serviceVersion: userService.info.serviceVersion,
    serviceTarget: definition.commandName,
  }
  app.on(http.method, route, async (c) => {
    const parameter = { ...c.req.query(), ...c.req.param() }
    let payload
    if (c.req.header('content-length') !== '0' && c.req.header('content-type')) {
      if (!c.req.header('content-type').startsWith('application/json')) {
        throw new HandledError(StatusCode.BadRequest, 'unsupported content type')
      }
      try {
        payload = await c.req.json()
      } catch {
        throw new HandledError(StatusCode.BadRequest, 'body is not valid JSON')
      }
    }
    const result = await eventBridge.invoke({
      sender,
      receiver,
      payload: { payload, parameter },
      traceId: c.req.header(traceHeaderField),
    })
    if (result === undefined || result === null || result === '') {
      return c.body(null, 204)
    }
    return c.json(result)
  })
}

app.onError((error, c) => {
  const handled = error instanceof HandledError ? error : HandledError.fromError(error)
  const status = handled.errorCode >= 400 && handled.errorCode <= 599 ? handled.errorCode : 500
  return c.json({ status, message: handled.message, data: handled.data, traceId: handled.traceId }, status)
})

serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`listening on http://${info.address}:${info.port} (POST ${apiMountPath}/v1/user/signup)`)
})
