using System.Reflection;
using IdeTracker.Server.Lsp;
using StreamJsonRpc;

namespace IdeTracker.Server.Tests.Lsp;

public sealed class CancellationContractTests
{
    /// <summary>StreamJsonRpc hands <c>$/cancelRequest</c> to a method only through a CancellationToken
    /// that is its last parameter; a request method without one could never be cancelled.</summary>
    [Fact]
    public void Every_request_method_takes_a_cancellation_token_last()
    {
        var requests = typeof(LanguageServer).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<JsonRpcMethodAttribute>() is not null && m.ReturnType != typeof(void))
            .ToList();

        Assert.NotEmpty(requests);
        Assert.All(requests, m => Assert.Equal(typeof(CancellationToken), m.GetParameters().LastOrDefault()?.ParameterType));
    }
}
