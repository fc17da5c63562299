# syntax=docker/dockerfile:1
# Multi-stage build of WeakSegPortal: `--target web` for the portal, `--target worker` for the
# suggestion/training worker. Native parts (GDCM's C# binding) come from Debian, as on dev machines.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends libgdcm-cil nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN bash infra/build-client.sh
RUN dotnet publish src/WeakSegPortal.Web -c Release -o /out/web
RUN dotnet publish src/WeakSegPortal.Cli -c Release -o /out/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime-base
RUN apt-get update && apt-get install -y --no-install-recommends libgdcm-cil curl && rm -rf /var/lib/apt/lists/*
ENV ASPNETCORE_URLS=http://+:8080 DOTNET_RUNNING_IN_CONTAINER=true
EXPOSE 8080

FROM runtime-base AS web
WORKDIR /app
COPY --from=build /out/web .
COPY --from=build /out/cli /opt/weakseg-cli
HEALTHCHECK --interval=30s --timeout=5s CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "WeakSegPortal.Web.dll"]

# The worker image: today it carries the imaging CLI; the suggestion and training worker
# (ONNX Runtime GPU, TorchSharp) joins this target when its issue lands.
FROM runtime-base AS worker
WORKDIR /app
COPY --from=build /out/cli .
ENTRYPOINT ["dotnet", "weakseg.dll"]
