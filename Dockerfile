# syntax=docker/dockerfile:1
# Multi-stage build of WeakSegPortal: `--target web` for the portal, `--target worker` for the
# suggestion/training worker. Native parts (GDCM's C# binding) come from Debian, as on dev machines.

# The worker's base (an ARG used in FROM is declared before the first stage): CUDA 13 + cuDNN 9 for ONNX Runtime's GPU build.
ARG WORKER_BASE=nvidia/cuda:13.0.0-cudnn-runtime-ubuntu22.04
# The worker's libtorch for training: cpu (TorchSharp-cpu, the default and the only one our registry serves) or cuda
# (`--build-arg TORCH_BACKEND=cuda`: TorchSharp-cuda-linux, libtorch with CUDA 12.8 bundled; it restores only from a feed
# that serves it, e.g. nuget.org, so that image has not been built on our machines).
ARG TORCH_BACKEND=cpu

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TORCH_BACKEND
RUN apt-get update && apt-get install -y --no-install-recommends libgdcm-cil nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN bash infra/build-client.sh
RUN dotnet publish src/WeakSegPortal.Web -c Release -o /out/web
RUN dotnet publish src/WeakSegPortal.Cli -c Release -o /out/cli
# Publishing marks libLibTorchSharp.so's GLIBCXX_3.4.32 need weak (Directory.Build.targets), harmless on this base.
RUN dotnet publish src/WeakSegPortal.Worker -c Release -p:TorchBackend=${TORCH_BACKEND} -o /out/worker

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

# The suggestion and training worker: connects to the portal's /hubs/worker with Worker__Token, runs the engines and
# takes training jobs (TorchSharp; with TORCH_BACKEND=cuda it trains on the GPU when libtorch finds one, else on the CPU
# and its log says why). The engines: ONNX Runtime's
# GPU build, which needs CUDA 13 and cuDNN 9 to use the GPU (else it runs on the CPU and says so in its announcement),
# hence a CUDA base with the .NET runtime copied in (InvariantGlobalization: no ICU needed); OpenCV's libraries for the
# classical engines. SAM models are mounted and named by Suggestions__SamModels__<name>__{Family,EncoderPath,DecoderPath}.
# The imaging CLI rides along in /opt/weakseg-cli (`weakseg suggest` runs the same engines on a file).
FROM ${WORKER_BASE} AS worker
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates libgtk-3-0 libdrm2 libatomic1 libfreetype6 libharfbuzz0b \
    && rm -rf /var/lib/apt/lists/*
COPY --from=mcr.microsoft.com/dotnet/aspnet:10.0 /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
WORKDIR /app
COPY --from=build /out/worker .
COPY --from=build /out/cli /opt/weakseg-cli
ENV DOTNET_RUNNING_IN_CONTAINER=true Suggestions__EmbeddingDirectory=/data/embeddings
ENTRYPOINT ["dotnet", "WeakSegPortal.Worker.dll"]

# The load balancer in front of several web nodes: Debian's nginx (nginx-light) with infra/nginx's configuration,
# rendered by infra/lib.sh's lb_render for the nodes in LB_NODES (fixed addresses: nginx's affinity cookie names a node
# by the address that answered; infra/docker-compose.yml gives web-1 and web-2 these two). See README "Running several nodes".
FROM debian:bookworm-slim AS lb
ARG LB_NODES="172.28.0.11:8080 172.28.0.12:8080"
RUN apt-get update && apt-get install -y --no-install-recommends nginx-light && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/weakseg
COPY infra/lib.sh infra/lib.sh
COPY infra/nginx infra/nginx
RUN bash -c 'source infra/lib.sh && lb_render /etc/nginx/weakseg-lb.conf /var/lib/nginx/weakseg 8080 $LB_NODES' \
    && ln -sf /dev/stdout /var/lib/nginx/weakseg/access.log && ln -sf /dev/stderr /var/lib/nginx/weakseg/error.log
EXPOSE 8080
CMD ["nginx", "-p", "/var/lib/nginx/weakseg", "-c", "/etc/nginx/weakseg-lb.conf", "-e", "stderr", "-g", "daemon off;"]
