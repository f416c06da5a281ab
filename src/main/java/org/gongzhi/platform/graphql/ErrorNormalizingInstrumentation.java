package org.gongzhi.platform.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

import org.gongzhi.platform.error.ErrorCode;
import org.gongzhi.platform.error.ErrorTranslator;
import org.gongzhi.platform.error.ErrorTranslator.ClientError;

/**
 * Rewrites every error of a response into the shape clients rely on: {@code extensions.code} from
 * {@link ErrorCode} (plus {@code extensions.field} for validation), a safe message, no class names.
 * Errors raised before execution (syntax, unknown enum literal, wrong variable type) become
 * VALIDATION_FAILED; depth and complexity aborts become QUERY_TOO_COMPLEX.
 */
public class ErrorNormalizingInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> normalized = new ArrayList<>(result.getErrors().size());
        for (GraphQLError error : result.getErrors()) {
            normalized.add(normalize(error));
        }
        return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult()
                .from(result)
                .errors(normalized)
                .build());
    }

    static GraphQLError normalize(GraphQLError error) {
        if (isAlreadyNormalized(error)) {
            return error;
        }
        ClientError client;
        if (error instanceof ExceptionWhileDataFetching fetching) {
            client = ErrorTranslator.translate(fetching.getException());
        } else if (error instanceof AbortExecutionException || error.getErrorType() == ErrorType.ExecutionAborted) {
            client = new ClientError(ErrorCode.QUERY_TOO_COMPLEX, error.getMessage(), null);
        } else {
            client = new ClientError(ErrorCode.VALIDATION_FAILED, error.getMessage(), null);
        }
        return GraphqlErrorBuilder.newError()
                .message(client.message())
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(classification(client.code()))
                .extensions(client.extensions())
                .build();
    }

    private static boolean isAlreadyNormalized(GraphQLError error) {
        Map<String, Object> ext = error.getExtensions();
        return ext != null && ext.get("code") instanceof String code && isKnownCode(code)
                && !(error instanceof ExceptionWhileDataFetching);
    }

    private static boolean isKnownCode(String code) {
        for (ErrorCode c : ErrorCode.values()) {
            if (c.name().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static ErrorClassification classification(ErrorCode code) {
        return switch (code) {
            case VALIDATION_FAILED -> ErrorType.ValidationError;
            case QUERY_TOO_COMPLEX -> ErrorType.ExecutionAborted;
            default -> ErrorType.DataFetchingException;
        };
    }
}
