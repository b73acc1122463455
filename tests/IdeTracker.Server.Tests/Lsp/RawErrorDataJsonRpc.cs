using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace IdeTracker.Server.Tests.Lsp;

/// <summary>The test client: error data comes back as the JSON the server sent (as a VS Code client sees it),
/// not squeezed into StreamJsonRpc's own error shape.</summary>
internal sealed class RawErrorDataJsonRpc(IJsonRpcMessageHandler handler) : JsonRpc(handler)
{
    protected override Type? GetErrorDetailsDataType(JsonRpcError error) => typeof(JsonElement);
}
